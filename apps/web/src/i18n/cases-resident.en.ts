import type { CasesResidentMessages } from './cases-resident.zh-CN.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English for the resident case screens (key `casesResident`). */
const casesResident: Strings<CasesResidentMessages> = {
  placeholder: 'Cases',
};

export default casesResident;
