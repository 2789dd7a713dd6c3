// A test that imports electron/main/main.ts gives it a command line and lets it add its
// process-wide error handlers: this puts both back afterwards, for the files that run next.
export function rememberProcessState(): () => void {
  const argv = process.argv;
  const uncaught = process.listeners('uncaughtException');
  const unhandled = process.listeners('unhandledRejection');
  return () => {
    process.argv = argv;
    for (const listener of process.listeners('uncaughtException')) if (!uncaught.includes(listener)) process.off('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!unhandled.includes(listener)) process.off('unhandledRejection', listener);
  };
}
