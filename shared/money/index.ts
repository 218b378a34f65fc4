export { MAX_FEN, isValidFen, assertValidFen, FenRangeError } from './fen.js';
export { parseYuanToFen, MONEY_MESSAGES, type MoneyParse } from './parse-money.js';
export { formatFen, formatFenWithSymbol } from './format-money.js';
export { toChineseCapital } from './chinese-capital.js';
