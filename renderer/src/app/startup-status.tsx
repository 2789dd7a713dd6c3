// What the screen shows before it has any content: calm words, nothing technical.
import { uiText } from '../components/ui-text';

export function StartupStatus({ failed }: { failed: boolean }) {
  return (
    <main className="screen startup">
      {failed ? (
        <p role="alert" className="startup__message">
          {uiText.startupFailed}
        </p>
      ) : (
        <p role="status" className="startup__message">
          {uiText.loading}
        </p>
      )}
    </main>
  );
}
