import './legacy.css';
import type { TCalendarDayOff, TCalendarView } from '@hamkke/core';
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.js';
import {
  currentYearIn,
  dateWithWeekday,
  formatInZone,
  fromLocalInput,
  toLocalInput,
  weekdayOf,
} from './zonedTime.js';

/** The zone the year picker starts in: the team works in Seoul, whatever the browser's zone. */
const HOME_ZONE = 'Asia/Seoul';
const PREFERRED_CALENDAR = 'kr-standard';

type TLoad<T> = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'loaded'; value: T };

/**
 * The words of a failure for the user: the API's problem detail (in the user's language), or that the
 * server is out of reach. Read when shown, so a language switch rewords what is ours.
 */
function useFailureText() {
  const { t } = useTranslation();
  return (error: unknown): string =>
    error instanceof ApiError
      ? error.message
      : error instanceof TypeError
        ? t('error.network')
        : error instanceof Error
          ? error.message
          : String(error);
}

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;

/** The calendar page: a calendar's days off in one year, and the business-time calculator on it. */
export function Calendars({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const failureText = useFailureText();
  const [calendars, setCalendars] = useState<TLoad<TCalendarView[]>>({ kind: 'loading' });
  const [calendarKey, setCalendarKey] = useState('');
  const [yearText, setYearText] = useState(() => String(currentYearIn(HOME_ZONE)));

  useEffect(() => {
    let isCurrent = true;
    api.calendars().then(
      ({ items }) => {
        if (!isCurrent) return;
        setCalendars({ kind: 'loaded', value: items });
        setCalendarKey(
          (key) => key || (items.find((c) => c.key === PREFERRED_CALENDAR) ?? items[0])?.key || '',
        );
      },
      (error: unknown) => {
        if (!isCurrent) return;
        if (isUnauthorized(error)) return onSignedOut();
        setCalendars({ kind: 'failed', error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [onSignedOut]);

  const year = Number(yearText);
  const isYearValid = /^\d{1,4}$/.test(yearText.trim()) && year >= 1 && year <= 9999;
  const calendar =
    calendars.kind === 'loaded' ? calendars.value.find((c) => c.key === calendarKey) : undefined;
  const stepYear = (by: number) =>
    setYearText(String(Math.min(9999, Math.max(1, (isYearValid ? year : currentYearIn(HOME_ZONE)) + by))));

  return (
    <>
      <div className="page-header">
        <h1 tabIndex={-1}>{t('calendars.title')}</h1>
        <p className="muted">{t('calendars.description')}</p>
      </div>
      {calendars.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {calendars.kind === 'failed' && (
        <p className="error" role="alert">
          {t('calendars.loadFailed')} {failureText(calendars.error)}
        </p>
      )}
      {calendars.kind === 'loaded' && calendars.value.length === 0 && <p>{t('calendars.none')}</p>}
      {calendars.kind === 'loaded' && calendars.value.length > 0 && (
        <>
          <div className="card pickers">
            <div className="field">
              <label htmlFor={`${id}-calendar`}>{t('calendars.calendar')}</label>
              <select
                id={`${id}-calendar`}
                value={calendarKey}
                onChange={(e) => setCalendarKey(e.target.value)}
              >
                {calendars.value.map((c) => (
                  <option key={c.id} value={c.key}>
                    {c.name} · {c.key}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-year`}>{t('calendars.year')}</label>
              <div className="year-picker">
                <button type="button" onClick={() => stepYear(-1)} aria-label={t('calendars.previousYear')}>
                  ‹
                </button>
                <input
                  id={`${id}-year`}
                  className="year"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={9999}
                  step={1}
                  required
                  value={yearText}
                  aria-invalid={!isYearValid}
                  aria-describedby={isYearValid ? undefined : `${id}-year-error`}
                  onChange={(e) => setYearText(e.target.value)}
                />
                <button type="button" onClick={() => stepYear(1)} aria-label={t('calendars.nextYear')}>
                  ›
                </button>
              </div>
            </div>
            {calendar && <CalendarFacts calendar={calendar} />}
            {!isYearValid && (
              <p id={`${id}-year-error`} className="error" role="alert">
                {t('calendars.yearInvalid')}
              </p>
            )}
          </div>
          {calendar && (
            <div className="calendar-grid">
              {isYearValid && <DaysOff calendar={calendar} year={year} onSignedOut={onSignedOut} />}
              <Calculator key={calendar.key} calendar={calendar} onSignedOut={onSignedOut} />
            </div>
          )}
        </>
      )}
    </>
  );
}

/** Monday first, as the team reads a week; the API counts from Sunday. */
const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0];

function CalendarFacts({ calendar }: { calendar: TCalendarView }) {
  const { t, i18n } = useTranslation();
  const dayName = (day: number) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(
      // 2023-01-01 was a Sunday.
      new Date(Date.UTC(2023, 0, 1 + day)),
    );
  const hoursOf = (day: number) =>
    (calendar.weeklyHours[day] ?? []).map((i) => `${i.start}–${i.end}`).join(', ') || t('calendars.noWork');
  // Runs of days with the same hours: 월–금 09:00–12:00, 13:00–18:00.
  const runs: { first: number; last: number; hours: string }[] = [];
  for (const day of WEEK_FROM_MONDAY) {
    const hours = hoursOf(day);
    const run = runs.at(-1);
    if (run && run.hours === hours) run.last = day;
    else runs.push({ first: day, last: day, hours });
  }
  return (
    <dl className="facts">
      <div>
        <dt>{t('calendars.timeZone')}</dt>
        <dd>{calendar.timeZone}</dd>
      </div>
      <div>
        <dt>{t('calendars.workingHours')}</dt>
        <dd>
          {runs.map((run) => (
            <span key={run.first} className="run">
              {dayName(run.first)}
              {run.last !== run.first && `–${dayName(run.last)}`} {run.hours}
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>{t('calendars.publicHolidays')}</dt>
        <dd>
          {calendar.usesPublicHolidays
            ? t('calendars.observesPublicHolidays')
            : t('calendars.ignoresPublicHolidays')}
        </dd>
      </div>
    </dl>
  );
}

function DaysOff({
  calendar,
  year,
  onSignedOut,
}: {
  calendar: TCalendarView;
  year: number;
  onSignedOut: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const failureText = useFailureText();
  const [days, setDays] = useState<TLoad<TCalendarDayOff[]>>({ kind: 'loading' });

  useEffect(() => {
    let isCurrent = true;
    setDays({ kind: 'loading' });
    // Typing a year passes through others (2, 20, 202): wait for the typing to stop.
    const timer = setTimeout(() => {
      api.calendarDaysOff(calendar.key, year).then(
        ({ items }) => isCurrent && setDays({ kind: 'loaded', value: items }),
        (error: unknown) => {
          if (!isCurrent) return;
          if (isUnauthorized(error)) return onSignedOut();
          setDays({ kind: 'failed', error });
        },
      );
    }, 200);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [calendar.key, year, onSignedOut]);

  const isEnglish = i18n.language === 'en';
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={days.kind === 'loading'}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('calendars.daysOff', { year })}</h2>
        {days.kind === 'loaded' && (
          <span className="muted">{t('calendars.daysOffCount', { count: days.value.length })}</span>
        )}
      </div>
      {days.kind === 'loading' && <p>{t('app.loading')}</p>}
      {days.kind === 'failed' && (
        <p className="error" role="alert">
          {t('calendars.daysOffFailed')} {failureText(days.error)}
        </p>
      )}
      {days.kind === 'loaded' && days.value.length === 0 && <p>{t('calendars.noDaysOff')}</p>}
      {days.kind === 'loaded' && days.value.length > 0 && (
        <div className="table-scroll">
          <table className="days-off">
            <thead>
              <tr>
                <th scope="col">{t('calendars.date')}</th>
                <th scope="col">{t('calendars.name')}</th>
                <th scope="col">{t('calendars.kind')}</th>
              </tr>
            </thead>
            <tbody>
              {days.value.map((day) => {
                const weekday = weekdayOf(day.date);
                const weekend = weekday === 0 ? 'sunday' : weekday === 6 ? 'saturday' : '';
                return (
                  <tr key={`${day.date}-${day.kind}-${day.name}`}>
                    <td className={`nowrap ${weekend}`}>
                      <time dateTime={day.date}>{dateWithWeekday(day.date, i18n.language)}</time>
                    </td>
                    <td lang={isEnglish && day.kind !== 'closure' ? 'en' : 'ko'}>
                      {isEnglish ? day.nameEn : day.name}
                    </td>
                    <td className="nowrap">
                      <span className={`kind kind-${day.kind}`}>{t(`calendars.kinds.${day.kind}`)}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type TResult<T> =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'done'; value: T };

function useDuration() {
  const { t } = useTranslation();
  return (total: number): string => {
    const sign = total < 0 ? '−' : '';
    const minutes = Math.abs(total);
    const text = t('calculator.durationMinutes', { minutes: minutes.toLocaleString() });
    if (minutes < 60) return `${sign}${text}`;
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const split =
      rest === 0
        ? t('calculator.durationHours', { hours: hours.toLocaleString() })
        : t('calculator.durationHoursMinutes', { hours: hours.toLocaleString(), minutes: rest });
    return `${sign}${text} (${sign}${split})`;
  };
}

function Calculator({ calendar, onSignedOut }: { calendar: TCalendarView; onSignedOut: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const duration = useDuration();
  const zone = calendar.timeZone;
  // Starts at this hour, in the calendar's zone.
  const [start] = useState(() => toLocalInput(Math.floor(Date.now() / 3_600_000) * 3_600_000, zone));
  const [dueFrom, setDueFrom] = useState(start);
  const [minutes, setMinutes] = useState('240');
  const [countFrom, setCountFrom] = useState(start);
  const [countTo, setCountTo] = useState('');
  const [due, setDue] = useState<TResult<Date>>({ kind: 'idle' });
  const [count, setCount] = useState<TResult<number>>({ kind: 'idle' });

  async function run<T>(
    event: FormEvent<HTMLFormElement>,
    setResult: (result: TResult<T>) => void,
    calculate: () => Promise<T>,
  ) {
    event.preventDefault();
    setResult({ kind: 'busy' });
    try {
      setResult({ kind: 'done', value: await calculate() });
    } catch (error) {
      if (isUnauthorized(error)) return onSignedOut();
      setResult({ kind: 'failed', error });
    }
  }

  const instant = (value: string): Date => {
    const at = fromLocalInput(value, zone);
    if (!at) throw new Error(t('calculator.timeInvalid'));
    return at;
  };

  const submitDue = (event: FormEvent<HTMLFormElement>) =>
    run(event, setDue, async () => {
      const result = await api.businessDue(calendar.key, instant(dueFrom), Number(minutes));
      return new Date(result.due);
    });
  const submitCount = (event: FormEvent<HTMLFormElement>) =>
    run(event, setCount, async () => {
      const result = await api.businessMinutes(calendar.key, instant(countFrom), instant(countTo));
      return result.minutes;
    });

  return (
    <section className="card calculator" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('calculator.title')}</h2>
      <p className="muted" id={`${id}-zone`}>
        {t('calculator.zoneNote', { timeZone: zone })}
      </p>

      <form
        onSubmit={(e) => void submitDue(e)}
        aria-labelledby={`${id}-due-title`}
        aria-describedby={`${id}-zone`}
      >
        <h3 id={`${id}-due-title`}>{t('calculator.dueTitle')}</h3>
        <p className="hint">{t('calculator.dueHint')}</p>
        <div className="fields">
          <Field label={t('calculator.from')} htmlFor={`${id}-due-from`}>
            <input
              id={`${id}-due-from`}
              type="datetime-local"
              required
              value={dueFrom}
              onChange={(e) => setDueFrom(e.target.value)}
            />
          </Field>
          <Field label={t('calculator.minutes')} htmlFor={`${id}-minutes`}>
            <input
              id={`${id}-minutes`}
              className="minutes"
              type="number"
              inputMode="numeric"
              min={0}
              max={525_600}
              step={1}
              required
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary" disabled={due.kind === 'busy'}>
            {due.kind === 'busy' ? t('calculator.calculating') : t('calculator.calculate')}
          </button>
        </div>
        <Result
          label={t('calculator.due')}
          result={due}
          format={(at) => formatInZone(at, zone, i18n.language)}
        />
      </form>

      <form
        onSubmit={(e) => void submitCount(e)}
        aria-labelledby={`${id}-count-title`}
        aria-describedby={`${id}-zone`}
      >
        <h3 id={`${id}-count-title`}>{t('calculator.minutesTitle')}</h3>
        <p className="hint">{t('calculator.minutesHint')}</p>
        <div className="fields">
          <Field label={t('calculator.from')} htmlFor={`${id}-count-from`}>
            <input
              id={`${id}-count-from`}
              type="datetime-local"
              required
              value={countFrom}
              onChange={(e) => setCountFrom(e.target.value)}
            />
          </Field>
          <Field label={t('calculator.to')} htmlFor={`${id}-count-to`}>
            <input
              id={`${id}-count-to`}
              type="datetime-local"
              required
              value={countTo}
              onChange={(e) => setCountTo(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary" disabled={count.kind === 'busy'}>
            {count.kind === 'busy' ? t('calculator.calculating') : t('calculator.calculate')}
          </button>
        </div>
        <Result label={t('calculator.businessTime')} result={count} format={duration} />
      </form>
    </section>
  );
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

function Result<T>({
  label,
  result,
  format,
}: {
  label: string;
  result: TResult<T>;
  format: (value: T) => string;
}) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  return (
    <div className="result" aria-live="polite">
      {result.kind === 'done' && (
        <p>
          <span className="result-label">{label}</span> <output>{format(result.value)}</output>
        </p>
      )}
      {result.kind === 'failed' && (
        <p className="error" role="alert">
          {t('calculator.failed')} {failureText(result.error)}
        </p>
      )}
    </div>
  );
}
