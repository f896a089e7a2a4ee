import { computed, Injectable, signal } from '@angular/core';

/** The languages of the patient's page and the handover sheet (issue 15; ADR 0007). */
export const DIARY_LANGS = ['en', 'es'] as const;
export type DiaryLang = (typeof DIARY_LANGS)[number];

/**
 * Every string the patient sees, per language. A typed object rather than $localize with a locale
 * build (ADR 0007): the Spanish dictionary must have every key the English one has, or the build fails.
 */
/** Time points read as the diary counts them: minutes, hours to 24 h, then day 2 to day 14 (domain.md section 2). */
const EN = {
  langName: 'English',
  chooseLanguage: 'Language',
  title: 'Your pain diary',
  hello: (name: string) => `Hello, ${name}`,
  procedureOn: (when: string) => `Your procedure: ${when}`,
  nowPoint: (label: string) => `Now: ${label} after your procedure`,
  pointLabel: (minutes: number) =>
    minutes < 60
      ? `${minutes} min`
      : minutes <= 1440
        ? `${Math.round(minutes / 6) / 10} h`
        : `day ${Math.round(minutes / 1440)}`,
  nextAt: (time: string) => `Next at ${time}`,
  nothingDue: 'Nothing to enter right now.',
  context: 'When did you rate the pain?',
  activity: 'During my usual painful activity',
  rest: 'At rest',
  side: 'Which side?',
  left: 'Left',
  right: 'Right',
  painQuestion: 'How bad is the pain right now?',
  words: { 0: 'No pain', 5: 'Moderate', 10: 'Worst imaginable' } as Record<number, string>,
  scoreName: (n: number) => `${n} out of 10`,
  reliefQuestion: 'How much better than before the procedure? (optional)',
  reliefName: (n: number) => `${n}% better`,
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved. Thank you.',
  savedOtherSide: (side: string) => `Saved. Now rate the ${side} side.`,
  chooseScore: 'Choose a number from 0 to 10.',
  chooseSide: 'Choose left or right.',
  timePoints: 'Your time points',
  done: 'Done',
  dueNow: 'Due now',
  missed: 'Still open',
  later: 'Later',
  thanksTitle: 'Thank you!',
  thanksText: 'Your diary is complete. The clinic can see your answers.',
  instructionsTitle: 'How to fill in the diary',
  instructions: [
    'Rate your pain at each time on this sheet, while doing the activity that usually hurts.',
    'In the first hours, do not take pain medication and do not nap.',
    'Ignore soreness where the needle went in: rate your usual pain.',
    'If both sides were treated, rate the left and the right side separately.',
  ],
  gone: {
    'diary-link-unknown': {
      title: 'Diary not found',
      text: 'This link is not valid. Check the address on your sheet, or call the clinic.',
    },
    'diary-link-revoked': {
      title: 'Link withdrawn',
      text: 'The clinic has withdrawn this link. Please call the clinic for a new sheet.',
    },
    'diary-link-expired': {
      title: 'Diary finished',
      text: 'This diary has finished. Thank you; the clinic has your scores.',
    },
    'rate-limited': {
      title: 'Please wait',
      text: 'Too many tries from this connection. Please wait a few minutes and try again.',
    },
    other: {
      title: 'Something went wrong',
      text: 'The diary could not be reached. Check your connection and try again.',
    },
  } as Record<string, { title: string; text: string }>,
  refused: {
    'time-point-recorded':
      'This time point is already recorded. If it is wrong, please tell the clinic.',
    future: 'This time has not come yet.',
    invalid: 'This score could not be saved. Please check it and try again, or call the clinic.',
  } as Record<string, string>,
  tryAgain: 'Try again',
  // The handover sheet (printed by the nurse, read by the patient at home).
  sheetTitle: (name: string) => `Pain diary for ${name}`,
  sheetScan: 'Scan the code with your phone camera, or type the address:',
  sheetTimes: 'Your time points',
  sheetExpires: (when: string) =>
    `The link works until ${when}. Keep this sheet private: the link is your key to the diary.`,
};

export type DiaryText = typeof EN;

const ES: DiaryText = {
  langName: 'Español',
  chooseLanguage: 'Idioma',
  title: 'Su diario del dolor',
  hello: (name) => `Hola, ${name}`,
  procedureOn: (when) => `Su procedimiento: ${when}`,
  nowPoint: (label) => `Ahora: ${label} después del procedimiento`,
  pointLabel: (minutes) =>
    minutes < 60
      ? `${minutes} min`
      : minutes <= 1440
        ? `${Math.round(minutes / 6) / 10} h`
        : `día ${Math.round(minutes / 1440)}`,
  nextAt: (time) => `Próximo a las ${time}`,
  nothingDue: 'No hay nada que anotar ahora.',
  context: '¿Cuándo valoró el dolor?',
  activity: 'Durante mi actividad que suele doler',
  rest: 'En reposo',
  side: '¿Qué lado?',
  left: 'Izquierdo',
  right: 'Derecho',
  painQuestion: '¿Cuánto le duele ahora?',
  words: { 0: 'Sin dolor', 5: 'Moderado', 10: 'El peor imaginable' },
  scoreName: (n) => `${n} de 10`,
  reliefQuestion: '¿Cuánto mejor que antes del procedimiento? (opcional)',
  reliefName: (n) => `${n}% mejor`,
  save: 'Guardar',
  saving: 'Guardando…',
  saved: 'Guardado. Gracias.',
  savedOtherSide: (side) => `Guardado. Ahora valore el lado ${side}.`,
  chooseScore: 'Elija un número del 0 al 10.',
  chooseSide: 'Elija izquierdo o derecho.',
  timePoints: 'Sus horas de anotación',
  done: 'Hecho',
  dueNow: 'Ahora',
  missed: 'Pendiente',
  later: 'Más tarde',
  thanksTitle: '¡Gracias!',
  thanksText: 'Su diario está completo. La clínica puede ver sus respuestas.',
  instructionsTitle: 'Cómo rellenar el diario',
  instructions: [
    'Valore su dolor a cada hora de esta hoja, mientras hace la actividad que suele dolerle.',
    'En las primeras horas, no tome analgésicos y no duerma la siesta.',
    'No tenga en cuenta la molestia donde entró la aguja: valore su dolor habitual.',
    'Si le trataron los dos lados, valore el lado izquierdo y el derecho por separado.',
  ],
  gone: {
    'diary-link-unknown': {
      title: 'Diario no encontrado',
      text: 'Este enlace no es válido. Revise la dirección de su hoja o llame a la clínica.',
    },
    'diary-link-revoked': {
      title: 'Enlace retirado',
      text: 'La clínica ha retirado este enlace. Llame a la clínica para recibir una hoja nueva.',
    },
    'diary-link-expired': {
      title: 'Diario terminado',
      text: 'Este diario ha terminado. Gracias; la clínica tiene sus respuestas.',
    },
    'rate-limited': {
      title: 'Espere, por favor',
      text: 'Demasiados intentos desde esta conexión. Espere unos minutos y vuelva a intentarlo.',
    },
    other: {
      title: 'Algo salió mal',
      text: 'No se pudo abrir el diario. Revise su conexión y vuelva a intentarlo.',
    },
  },
  refused: {
    'time-point-recorded': 'Esta hora ya está anotada. Si no es correcta, avise a la clínica.',
    future: 'Esta hora todavía no ha llegado.',
    invalid:
      'No se pudo guardar esta respuesta. Revísela e inténtelo de nuevo, o llame a la clínica.',
  },
  tryAgain: 'Intentar de nuevo',
  sheetTitle: (name) => `Diario del dolor de ${name}`,
  sheetScan: 'Escanee el código con la cámara del teléfono o escriba la dirección:',
  sheetTimes: 'Sus horas de anotación',
  sheetExpires: (when) =>
    `El enlace funciona hasta el ${when}. Guarde esta hoja en privado: el enlace es su llave al diario.`,
};

const TEXTS: Record<DiaryLang, DiaryText> = { en: EN, es: ES };

/** The browser's preferred language among ours, English otherwise. */
export function browserLang(
  languages: readonly string[] = typeof navigator === 'undefined'
    ? []
    : (navigator.languages ?? [navigator.language]),
): DiaryLang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0] as DiaryLang;
    if (DIARY_LANGS.includes(base)) return base;
  }
  return 'en';
}

/** Locales for dates and times: British English writes the day first, like the staff screens. */
const DATE_LOCALES: Record<DiaryLang, string> = { en: 'en-GB', es: 'es-ES' };

/** The chosen language and its texts, plus locale-aware date and time formats. */
@Injectable()
export class DiaryI18n {
  readonly lang = signal<DiaryLang>(browserLang());
  readonly t = computed(() => TEXTS[this.lang()]);
  readonly langs = DIARY_LANGS.map((code) => ({ code, name: TEXTS[code].langName }));

  /** "14:30": 24-hour clock times in both languages (the practice's habit, issue 14). */
  time(iso: string): string {
    return new Intl.DateTimeFormat(DATE_LOCALES[this.lang()], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  }

  /** "Wed 25 Nov, 14:30": day first, 24-hour, in the chosen language. */
  dateTime(iso: string): string {
    return new Intl.DateTimeFormat(DATE_LOCALES[this.lang()], {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  }
}
