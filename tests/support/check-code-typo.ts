// A check code as someone might copy it wrong from paper: the first two different neighbouring characters swapped
// (swapping two equal ones would change nothing).
export function withNeighboursSwapped(code: string): string {
  for (let i = 0; i + 1 < code.length; i++) {
    const [a, b] = [code[i]!, code[i + 1]!];
    if (a !== b && a !== '-' && b !== '-') return `${code.slice(0, i)}${b}${a}${code.slice(i + 2)}`;
  }
  throw new Error(`no two different neighbours in ${code}`);
}
