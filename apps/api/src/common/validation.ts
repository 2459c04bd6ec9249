import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';
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
import type { TextKind } from './text.js';

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

/** One problem per invalid field (its path dotted, e.g. `kpis.0.target`), with its message key. */
export function problems(errors: ValidationError[], prefix = ''): FieldProblem[] {
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

/** What the validation pipe checks with (also used to name every problem of an input refused earlier). */
export const VALIDATION_OPTIONS = { whitelist: true, forbidUnknownValues: true } as const;

/**
 * GraphQL's parameters that are not input (the parent object, the context, the resolve info), as
 * @nestjs/graphql numbers them (GqlParamtype ROOT, CONTEXT, INFO); arguments are 3 (ARGS).
 */
const NOT_INPUT = new Set<unknown>([0, 1, 2]);

/**
 * The global ValidationPipe, for what a client sends only. Nest runs a global pipe on every
 * parameter of every resolver, field resolvers included, so it also copied (transform) and
 * validated each field's parent object: thousands of times for a list of teams with their KPIs,
 * and each field received a copy instead of the object its loader gave.
 */
class InputValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (NOT_INPUT.has(metadata.type)) return Promise.resolve(value);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The validation pipe for every resolver's arguments: whitelist, transform, localisable errors. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    ...VALIDATION_OPTIONS,
    transform: true,
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

/**
 * How the input boundary (front-door/input-boundary.ts) treats a string field: every string is
 * one line of text unless its field says otherwise. Multi-line text keeps tabs and line breaks.
 */
export const MultiLine = () => Extensions({ text: 'multiline' satisfies TextKind });
/** A password: the same characters refused, but never trimmed or normalised (common/text.ts). */
export const Secret = () => Extensions({ text: 'secret' satisfies TextKind });

/** The largest GraphQL Int. */
export const MAX_INT = 2_147_483_647;
/** The version of a versioned row, as read. */
export const Version = (): PropertyDecorator => (target, key) => {
  Int()(target, key);
  Between(0, MAX_INT)(target, key);
};
/** The position of an item in its list. */
export const Sort = (): PropertyDecorator => (target, key) => {
  Int()(target, key);
  Between(-10_000, 10_000)(target, key);
};

const RANGE_CHECKED_BY = 'hundred:range-checked-by';

/**
 * Every number of an input declares its range: with `Between` (or Min and Max) here, or, for the
 * few checked by a rule of their own with its own messages (a cohort's calendar), by naming that
 * rule on the field or the class. A unit test refuses a number input that does neither.
 */
export const RangeCheckedBy =
  (rule: string) =>
  (target: object, key?: string | symbol): void => {
    if (key === undefined) Reflect.defineMetadata(RANGE_CHECKED_BY, rule, target);
    else Reflect.defineMetadata(RANGE_CHECKED_BY, rule, target, key);
  };

/** The rule that checks the range of a number field declared with `RangeCheckedBy`, if any. */
export function rangeCheckedBy(cls: abstract new (...args: never[]) => unknown, key: string): string | undefined {
  return (
    (Reflect.getMetadata(RANGE_CHECKED_BY, cls.prototype, key) as string | undefined) ??
    (Reflect.getMetadata(RANGE_CHECKED_BY, cls) as string | undefined)
  );
}
