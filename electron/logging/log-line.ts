// How every Node-side module logs: one line of plain words, with its level said, never guessed
// from the words. The kiosk log writes the level in its own column; the CLI prints it first.
export type LogLevel = 'info' | 'warn' | 'error';

export type LogLine = (line: string, level?: LogLevel) => void;
