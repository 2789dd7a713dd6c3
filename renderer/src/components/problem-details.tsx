// One content problem in full, as the staff panel and the preview show it: the same parts, in
// the same words, as `content:check` prints (common/format-problem.ts).
import type { ContentProblem } from '../../../common/content-model';
import { describeProblem } from '../../../common/format-problem';
import './problem-details.css';

export function ProblemDetails({ problem }: { problem: ContentProblem }) {
  const report = describeProblem(problem);
  return (
    <div className={`problem problem--${report.severity}`}>
      <p className="problem__heading">
        <strong>
          {report.severity === 'error' ? 'Error' : 'Warning'}: {report.title}
        </strong>{' '}
        <span className="problem__where">({report.where})</span>
      </p>
      <p className="problem__message">{report.message}</p>
      <dl className="problem__details">
        {report.expected && (
          <>
            <dt>Expected</dt>
            <dd>{report.expected}</dd>
          </>
        )}
        <dt>What to do</dt>
        <dd>{report.whatToDo}</dd>
        {report.example && (
          <>
            <dt>Example</dt>
            <dd>
              <pre className="problem__example">{report.example}</pre>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
