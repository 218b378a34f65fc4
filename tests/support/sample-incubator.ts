import { emptyIncubatorValues, type IncubatorValues } from '../../shared/domain/incubator.js';
import { USCC_ALPHABET, usccCheckCharacter } from '../../shared/validation/uscc.js';

/** A Guangxi 信用代码 (division 4501xx) with a correct check character, different for each n. */
export function guangxiCreditCode(n: number): string {
  let org = '';
  let x = n;
  for (let i = 0; i < 9; i++) {
    org = USCC_ALPHABET.charAt(x % USCC_ALPHABET.length) + org;
    x = Math.floor(x / USCC_ALPHABET.length);
  }
  const first17 = `91450100${org}`;
  return first17 + usccCheckCharacter(first17)!;
}

const CITIES = ['南宁', '柳州', '桂林', '梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左'];
const FIELDS = ['电子信息', '新材料', '生物医药', '智能制造', '现代农业', '数字经济', '新能源汽车'];

/** A valid incubator that saves without warnings. */
export function sampleIncubator(n: number, overrides: Partial<IncubatorValues> = {}): IncubatorValues {
  const city = CITIES[n % CITIES.length]!;
  const field = FIELDS[n % FIELDS.length]!;
  return {
    ...emptyIncubatorValues(),
    name: `${city}${field}科技企业孵化器${n}号`,
    operator: `${city}${field}创新服务有限公司`,
    creditCode: guangxiCreditCode(n),
    registeredOn: '2019-03-15',
    operatingSince: '2019-09-01',
    legalRep: '黄志强',
    registeredCapital: 1000 + n,
    registeredAddress: `广西${city}市科园大道 ${n} 号`,
    orgNature: '民营企业',
    incubatorType: n % 2 === 0 ? '专业型' : '综合型',
    industry: n % 2 === 0 ? field : '',
    reportedTorchStats: n % 3 === 0,
    contactName: '韦丽娟',
    contactMobile: `139${String(77100000 + n).padStart(8, '0')}`,
    ...overrides,
  };
}
