import { FormControl, FormGroup } from '@angular/forms';
import { z } from 'zod';
import { fieldMessage } from '../../shared/forms/schema-errors.ts';
import type { WriteResult } from '../write-result.ts';
import { FormSubmit } from './form-submit.ts';

const Schema = z.object({
  name: z.string().min(1, 'Name is required'),
  weeklyDistanceKm: z.number().nullable(),
});
type Body = z.infer<typeof Schema>;

describe('FormSubmit', () => {
  function setUp() {
    const form = new FormGroup({
      name: new FormControl(''),
      weeklyDistance: new FormControl<number | null>(null),
    });
    const submit = new FormSubmit(form, (path) =>
      path === 'weeklyDistanceKm' ? 'weeklyDistance' : path,
    );
    const parse = () =>
      submit.parse(Schema, {
        name: form.controls.name.value,
        weeklyDistanceKm: form.controls.weeklyDistance.value,
      });
    return { form, submit, parse };
  }
  const failure = (problem: object, conflict = false): WriteResult<Body> =>
    ({
      ok: false,
      conflict,
      problem: { status: 422, title: 'Refused', ...problem },
    }) as WriteResult<Body>;

  it('sends nothing when the schema refuses, and puts the message under its field', async () => {
    const { form, submit, parse } = setUp();
    const save = jasmine.createSpy('save');
    expect(await submit.run(parse, save)).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(fieldMessage(form.controls.name)).toBe('Name is required');
    expect(submit.formError()).toBeNull();
  });

  it('is saving while the write runs, and ignores a second submit meanwhile', async () => {
    const { form, submit, parse } = setUp();
    form.controls.name.setValue('Mara');
    let finish!: (result: WriteResult<Body>) => void;
    const save = jasmine
      .createSpy('save')
      .and.returnValue(new Promise((resolve) => (finish = resolve)));
    const first = submit.run(parse, save);
    expect(submit.saving()).toBeTrue();
    expect(await submit.run(parse, save)).toBeNull();
    finish({ ok: true, value: { name: 'Mara', weeklyDistanceKm: null } });
    expect((await first)?.ok).toBeTrue();
    expect(submit.saving()).toBeFalse();
    expect(save).toHaveBeenCalledTimes(1);
  });

  // A refused write: where each message lands.
  const refusals: {
    case: string;
    problem: object;
    field: string | null;
    formError: string | null;
  }[] = [
    {
      case: 'no field messages: the detail above the form',
      problem: { detail: 'The episode is closed.' },
      field: null,
      formError: 'The episode is closed.',
    },
    { case: 'no detail either: the title', problem: {}, field: null, formError: 'Refused' },
    {
      case: 'a body path renamed to its control',
      problem: { errors: [{ path: 'weeklyDistanceKm', message: 'Distance must be at most 500' }] },
      field: 'Distance must be at most 500',
      formError: null,
    },
    {
      case: 'a path no control shows: above the form',
      problem: { errors: [{ path: 'version', message: 'Version is stale' }] },
      field: null,
      formError: 'Version is stale',
    },
  ];
  for (const refusal of refusals) {
    it(`shows a refused write: ${refusal.case}`, async () => {
      const { form, submit, parse } = setUp();
      form.controls.name.setValue('Mara');
      await submit.run(parse, () => Promise.resolve(failure(refusal.problem)));
      expect(fieldMessage(form.controls.weeklyDistance)).toBe(refusal.field);
      expect(submit.formError()).toBe(refusal.formError);
    });
  }

  it('leaves a version conflict to onConflict when given, and shows it otherwise', async () => {
    const { form, submit, parse } = setUp();
    form.controls.name.setValue('Mara');
    const conflict = () =>
      Promise.resolve(failure({ status: 409, detail: 'Someone else saved first.' }, true));
    const onConflict = jasmine.createSpy('onConflict');
    await submit.run(parse, conflict, onConflict);
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(submit.formError()).toBeNull();
    await submit.run(parse, conflict);
    expect(submit.formError()).toBe('Someone else saved first.');
  });

  it('clears the last error when the next submit starts', async () => {
    const { form, submit, parse } = setUp();
    form.controls.name.setValue('Mara');
    await submit.run(parse, () => Promise.resolve(failure({ detail: 'Try again.' })));
    expect(submit.formError()).toBe('Try again.');
    await submit.run(parse, (body) => Promise.resolve({ ok: true, value: body }));
    expect(submit.formError()).toBeNull();
  });
});
