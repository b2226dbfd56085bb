// Exams: start an attempt, answer the questions the server drew (without
// their answers), watch the server's deadline, submit, read the server's
// score. The client never scores: it could not, the key never comes.
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { api, expanded, idOf, literal, problemText, type Schemas } from '../api/client';
import { Link, navigate, useTitle } from '../router';
import { useSession } from '../session';
import { Alert, moment, Status, useLoad } from '../ui';

type Exam = Schemas['Exam'];
type Attempt = Schemas['Attempt'];
type Question = Schemas['Question'];
type Answer = NonNullable<Attempt['answers']>[number];

/** An exam's facts and the button that starts (or resumes) an attempt. */
export function StartExam({ exam }: { exam: Exam }) {
  const { me, profile } = useSession();
  const attempts = useLoad(
    () => api.GET('/api/attempts', { params: { query: { filter: `exam == ${literal(exam.id)}`, limit: 100 } } }),
    [exam.id, me?.subject],
  );
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const mine = (attempts.data?.items ?? []).filter((a): a is Attempt => 'exam' in a);
  const open = mine.find((a) => !a.submittedAt && a.deadline && Date.parse(a.deadline) > Date.now());
  const best = mine.filter((a) => a.submittedAt).sort((a, b) => (b.percentage ?? 0) - (a.percentage ?? 0))[0];
  const left = exam.maxAttempts - mine.length;

  const start = async () => {
    setBusy(true);
    setProblem('');
    const { data, error } = await api.POST('/api/attempts', { body: { exam: exam.id } });
    setBusy(false);
    if (data) navigate(`/attempts/${data.id}`);
    else setProblem(problemText(error));
  };

  return (
    <>
      <h3>{exam.title}</h3>
      <p className="muted">
        {exam.questionCount} questions · {exam.timeLimitMinutes} minutes · pass at {exam.passingScore}% · {exam.maxAttempts} attempts
      </p>
      {me && !profile && (
        <p>
          <Link to="/me/profile">Complete your profile</Link> before you take an exam.
        </p>
      )}
      {me && profile && (
        <>
          {best && (
            <p data-testid="best">
              Your best: {best.percentage}% {best.passed ? '(passed)' : '(not passed)'}
            </p>
          )}
          {open ? (
            <Link className="button" to={`/attempts/${open.id}`}>
              Resume your attempt
            </Link>
          ) : left > 0 ? (
            <button type="button" onClick={start} disabled={busy} data-testid="start-exam">
              Start the exam ({left} {left === 1 ? 'attempt' : 'attempts'} left)
            </button>
          ) : (
            <p>No attempts left.</p>
          )}
          <Alert>{problem}</Alert>
        </>
      )}
    </>
  );
}

/**
 * The time left by the server's clock, from the skew measured at load
 * (the Date header counts whole seconds: never more than the whole time).
 */
function useCountdown(attempt: Attempt, skew: number): number {
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now() + skew), 250);
    return () => clearInterval(t);
  }, [skew]);
  if (!attempt.deadline) return 0;
  const end = Date.parse(attempt.deadline);
  const whole = attempt.startedAt ? end - Date.parse(attempt.startedAt) : Infinity;
  return Math.min(whole, Math.max(0, end - now));
}

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Answers in progress survive a reload: kept in sessionStorage per attempt. */
function useDraft(id: string): [Record<string, Answer>, (a: Answer) => void] {
  const key = 'credence.portal.attempt.' + id;
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, Answer>;
    } catch {
      return {};
    }
  });
  const set = (a: Answer) =>
    setAnswers((prev) => {
      const next = { ...prev, [a.question]: a };
      sessionStorage.setItem(key, JSON.stringify(next));
      return next;
    });
  return [answers, set];
}

export function ExamPlayer({ id }: { id: string }) {
  const [skew, setSkew] = useState(0);
  const attempt = useLoad(async () => {
    const res = await api.GET('/api/attempts/{id}', { params: { path: { id }, query: { expand: 'exam,questions' } } });
    // The server's clock, from its Date header: the countdown follows it,
    // not this device's.
    const date = res.response.headers.get('Date');
    if (date) setSkew(Date.parse(date) + 500 - Date.now());
    return res;
  }, [id]);
  const a = attempt.data && 'exam' in attempt.data ? (attempt.data as Attempt) : undefined;
  const exam = expanded(a?.exam);
  useTitle(exam?.title ?? 'Exam');
  return (
    <Status of={attempt}>
      {() =>
        a && (a.submittedAt ? <Result attempt={a} exam={exam} /> : <Player attempt={a} exam={exam} skew={skew} onDone={attempt.reload} />)
      }
    </Status>
  );
}

function Player({ attempt, exam, skew, onDone }: { attempt: Attempt; exam?: Exam; skew: number; onDone: () => void }) {
  const questions = useMemo(
    () => (attempt.questions ?? []).map((q) => expanded<Question>(q)).filter((q) => q !== undefined),
    [attempt.questions],
  );
  const [answers, setAnswer] = useDraft(attempt.id);
  const left = useCountdown(attempt, skew);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const sent = useRef(false);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (sent.current) return;
    sent.current = true;
    setBusy(true);
    const body = { answers: questions.map((q) => answers[q.id] ?? { question: q.id }) };
    const { error } = await api.PATCH('/api/attempts/{id}', { params: { path: { id: attempt.id } }, body });
    setBusy(false);
    if (error) {
      sent.current = false;
      setProblem(problemText(error));
      return;
    }
    sessionStorage.removeItem('credence.portal.attempt.' + attempt.id);
    onDone();
  };

  // With five seconds left, what is answered goes in: the server refuses
  // anything after its deadline.
  useEffect(() => {
    if (attempt.deadline && left > 0 && left <= 5000) void submit();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [left <= 5000]);

  const answered = questions.filter((q) => {
    const a = answers[q.id];
    return a && ((a.choices?.length ?? 0) > 0 || (a.text ?? '').trim() !== '');
  }).length;

  return (
    <form onSubmit={submit} className="player" aria-describedby="exam-rules">
      <header className="player-bar">
        <h1>{exam?.title ?? 'Exam'}</h1>
        <p
          className={left < 60_000 ? 'countdown urgent' : 'countdown'}
          data-testid="countdown"
          role="timer"
          aria-live={left < 60_000 ? 'assertive' : 'off'}
          aria-label={`Time left: ${clock(left)}`}
        >
          {clock(left)}
        </p>
      </header>
      <p id="exam-rules" className="muted">
        {questions.length} questions, {answered} answered. Due {moment(attempt.deadline)}; what is answered is submitted when the time runs
        out.
      </p>
      {left === 0 && <Alert>The time is up.</Alert>}
      <ol className="questions">
        {questions.map((q, i) => (
          <li key={q.id}>
            <QuestionField n={i + 1} q={q} answer={answers[q.id]} onChange={setAnswer} />
          </li>
        ))}
      </ol>
      <Alert>{problem}</Alert>
      <button type="submit" disabled={busy || left === 0} data-testid="submit-exam">
        Submit {answered < questions.length ? `(${questions.length - answered} unanswered)` : ''}
      </button>
    </form>
  );
}

function QuestionField({ n, q, answer, onChange }: { n: number; q: Question; answer?: Answer; onChange: (a: Answer) => void }) {
  const chosen = new Set(answer?.choices ?? []);
  const legend = (
    <legend>
      <span className="muted">
        Question {n} · {q.points} {q.points === 1 ? 'point' : 'points'}
      </span>
      <span className="stem">{q.text}</span>
    </legend>
  );
  const picture = q.image ? <img src={q.image} alt="" className="question-image" /> : null;
  if (q.format === 'open') {
    return (
      <div className="question" data-testid="question">
        <fieldset>
          {legend}
          {picture}
          <label className="visually-hidden" htmlFor={'q-' + q.id}>
            Your answer to question {n}
          </label>
          <textarea
            id={'q-' + q.id}
            rows={4}
            value={answer?.text ?? ''}
            onChange={(e) => onChange({ question: q.id, text: e.target.value })}
          />
        </fieldset>
      </div>
    );
  }
  const multiple = q.format === 'multiple';
  return (
    <div className="question" data-testid="question">
      <fieldset>
        {legend}
        {picture}
        {multiple && <p className="muted">Choose every answer that applies.</p>}
        {(q.options ?? []).map((o) => (
          <label key={o.id} className="option">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={'q-' + q.id}
              value={o.id}
              checked={chosen.has(o.id)}
              onChange={(e) => {
                const next = multiple ? new Set(chosen) : new Set<string>();
                if (e.target.checked) next.add(o.id);
                else next.delete(o.id);
                onChange({ question: q.id, choices: [...next] });
              }}
            />{' '}
            {o.text}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function Result({ attempt, exam }: { attempt: Attempt; exam?: Exam }) {
  const cert = useLoad(
    () =>
      api.GET('/api/certifications', {
        params: { query: { filter: `${literal(idOf(attempt.exam))} in (exams ?? [])`, fields: 'title', limit: 5 } },
      }),
    [attempt.id],
  );
  return (
    <section aria-labelledby="result" data-testid="result">
      <h1 id="result">
        {exam?.title ?? 'Exam'}: {attempt.passed ? 'passed' : 'not passed'}
      </h1>
      <p className={attempt.passed ? 'score passed' : 'score'} data-testid="score">
        {attempt.score} of {attempt.maxScore} points · {attempt.percentage}%
      </p>
      <p className="muted">
        Submitted {moment(attempt.submittedAt)}; the pass mark is {exam?.passingScore}%.
      </p>
      {attempt.passed ? (
        <p>
          Your credential is on its way: it appears under <Link to="/me/credentials">My credentials</Link> as soon as the program awards it.
        </p>
      ) : (
        cert.data?.items[0] && (
          <p>
            <Link to={`/certifications/${cert.data.items[0].id}`}>Back to the certification</Link> to try again.
          </p>
        )
      )}
    </section>
  );
}
