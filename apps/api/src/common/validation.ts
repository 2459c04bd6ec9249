import { ValidationPipe } from '@nestjs/common';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  type ValidationArguments,
  type ValidationError,
} from 'class-validator';

import { AppError, type FieldProblem } from './app-error.js';
import { isMessageKey, type MessageKey } from './messages.js';

/**
 * Validation decorators whose messages are message keys plus their arguments, so the error
 * filter can say what is wrong in the caller's language. Use these, not bare class-validator.
 */
const encode = (key: MessageKey) => (args: ValidationArguments) => `${key}|${JSON.stringify(args.constraints ?? [])}`;

/** Letters of the Arabic script (basic block, supplement and presentation forms). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN = /[A-Za-z]/;

export const Required = () => IsNotEmpty({ message: encode('validation.required') });
export const MaxLen = (n: number) => MaxLength(n, { message: encode('validation.maxLength') });
export const Email = () => IsEmail({}, { message: encode('validation.email') });
export const ArabicText = () => Matches(ARABIC, { message: encode('validation.arabic') });
export const LatinText = () => Matches(LATIN, { message: encode('validation.latin') });
export const AgencyCode = () => Matches(/^[A-Z0-9_-]{2,16}$/, { message: encode('validation.agencyCode') });
export const OneOf = (values: readonly unknown[], each = false) =>
  IsIn(values as unknown[], { each, message: encode('validation.oneOf') });
export const Uuid = () => IsUUID('all', { message: encode('validation.uuid') });
export const Uuids = () => IsUUID('all', { each: true, message: encode('validation.uuid') });
export const Int = () => IsInt({ message: encode('validation.invalid') });
export const Bool = () => IsBoolean({ message: encode('validation.invalid') });
export const Password = () => Matches(/^(?=.*\p{L})(?=.*\p{N}).{10,200}$/u, { message: encode('validation.password') });
export const MinItems = (n: number) => ArrayMinSize(n, { message: encode('validation.minItems') });
export const Unique = () => ArrayUnique({ message: encode('validation.unique') });

function problems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // One clear message per field: "required" first, else the first rule that failed.
    const constraints = e.constraints ?? {};
    const first = constraints.isNotEmpty ?? Object.values(constraints)[0];
    if (first !== undefined) {
      const [key, rawArgs] = first.split('|', 2);
      const args = rawArgs ? (JSON.parse(rawArgs) as unknown[]) : [];
      const params = Object.fromEntries(args.map((a, i) => [String(i), String(a)]));
      out.push({ field, key: key && isMessageKey(key) ? key : 'validation.invalid', params });
    }
    if (e.children?.length) out.push(...problems(e.children, field));
  }
  return out;
}

export function toAppError(errors: ValidationError[]): AppError {
  return AppError.validation(problems(errors));
}

/** The validation pipe for every resolver: whitelist, transform, localisable errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => toAppError(errors),
  });
}

/** A number within a range, with one message naming both ends. */
export const Between =
  (min: number, max: number): PropertyDecorator =>
  (target, key) =>
    [
      Min(min, { message: `validation.between|${JSON.stringify([min, max])}` }),
      Max(max, { message: `validation.between|${JSON.stringify([min, max])}` }),
    ].forEach((d) => d(target, key));
