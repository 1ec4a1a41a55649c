/** Problem titles and field messages of organisations and compound profiles (modules/registry). */
type Catalog = Record<string, { 'zh-CN': string; en: string }>;

const BOTH: Catalog = {
  credit_code_format: {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母(不含 I、O、S、V、Z)',
    en: 'A unified social credit code has 18 digits or capital letters (no I, O, S, V or Z)',
  },
  credit_code_checksum: {
    'zh-CN': '统一社会信用代码校验位不正确,请核对',
    en: 'The credit code’s check character is wrong; check the code',
  },
  credit_code_taken: {
    'zh-CN': '本社区已登记该统一社会信用代码的单位',
    en: 'An organisation with this credit code is already recorded in this community',
  },
  node_kind: {
    'zh-CN': '请选择网格、楼栋/院落或户室',
    en: 'Pick a grid, a building or courtyard, or a room',
  },
  not_a_compound: { 'zh-CN': '请选择楼栋或院落', en: 'Pick a building or courtyard' },
  markup: { 'zh-CN': '不能包含网页代码(如 <script>)', en: 'must not contain markup such as <script>' },
  company_without_management: {
    'zh-CN': '只有“物业公司管理”时才填写物业公司',
    en: 'Name a property company only when a company manages the compound',
  },
  facility_duplicate: { 'zh-CN': '重复的项目,请合并为一行', en: 'is listed twice; merge the lines' },
};

export const PLACES_PROBLEMS: Catalog = BOTH;
export const PLACES_FIELDS: Catalog = BOTH;
