import { Pipe, type PipeTransform } from '@angular/core';
import { type DatePattern, formatDate } from './date-format.ts';

/**
 * `{{ at | date: 'd MMM y, HH:mm' }}`: the template face of formatDate() (date-format.ts), named as
 * @angular/common's DatePipe it replaces, so templates read the same. Empty values show nothing.
 */
@Pipe({ name: 'date' })
export class DatePipe implements PipeTransform {
  transform(
    value: string | Date | null | undefined,
    pattern: DatePattern,
    timeZone?: string,
  ): string | null {
    return value === null || value === undefined || value === ''
      ? null
      : formatDate(value, pattern, timeZone);
  }
}

/** `{{ 'lumbar' | titlecase }}` -> "Lumbar": each word's first letter capitalised, the rest lower case. */
@Pipe({ name: 'titlecase' })
export class TitleCasePipe implements PipeTransform {
  transform(value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    return value.toLowerCase().replace(/(^|\s)(\S)/g, (_, space: string, first: string) => {
      return space + first.toUpperCase();
    });
  }
}

/** `{{ 'nrs' | uppercase }}` -> "NRS". */
@Pipe({ name: 'uppercase' })
export class UpperCasePipe implements PipeTransform {
  transform(value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : value.toUpperCase();
  }
}

/** `{{ 'Left' | lowercase }}` -> "left". */
@Pipe({ name: 'lowercase' })
export class LowerCasePipe implements PipeTransform {
  transform(value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : value.toLowerCase();
  }
}
