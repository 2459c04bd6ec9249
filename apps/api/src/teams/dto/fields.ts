import { KPI_VALUE_MAX } from '@hundred/domain';
import { IsNumber, Max, Min } from 'class-validator';

/** A measured figure: finite, at most four decimals. */
export const Num = () =>
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 }, { message: 'validation.number|[]' });
export const NonNegative = () => Min(0, { message: 'validation.nonNegative|[]' });
export const Huge = () => Max(KPI_VALUE_MAX, { message: 'validation.tooLarge|[]' });
