import { registerDecorator, ValidationOptions } from 'class-validator';
import { fieldMessage } from '../i18n/field-message';

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar day written `YYYY-MM-DD` (2026-02-30 is not one), from 1900
 * to 9998: the day after 9999-12-31 is no four-digit date, and periods add days.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year < 9999 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const calendarDateMessage = fieldMessage('volunteers.hours.calendarDate');

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: (args) => calendarDateMessage(args!),
      },
    });
}

/** The calendar day `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
