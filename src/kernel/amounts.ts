/**
 * A number with one mark and three digits after it that do not end in 0 ("50.999", "12,345"):
 * as often a cent too many as a thousands group. Money read this way is asked back, in the fund
 * and in the ledger alike, never recorded a thousand times too large ("1.500" and "2,000" are
 * thousands: nobody types a trailing zero by mistake after cents).
 */
export const readsTwoWays = (number: string): boolean => /^\d{1,3}[.,]\d\d[1-9]$/.test(number);
