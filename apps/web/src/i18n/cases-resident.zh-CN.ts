/** The resident app's case screens (key `casesResident`). `cases-resident.en.ts` must have the same keys. */
const casesResident = {
  placeholder: '诉求',
};

export default casesResident;
export type CasesResidentMessages = typeof casesResident;
