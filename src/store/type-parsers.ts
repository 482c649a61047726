// Both drivers return the same JS values for the same SQL types, so that every query reads the
// same on PGlite and PostgreSQL: int8 and numeric as numbers (ids stay below 2^53, see
// document-id.ts), dates as 'YYYY-MM-DD' strings (a date has no time zone to shift).
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const parseNumeric = (value: string): number => Number(value);
export const parseDate = (value: string): string => value;
