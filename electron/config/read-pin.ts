// Reads a PIN for `hash-pin` from standard input: typed at a terminal (shown as dots, asked
// twice) or piped in (the first line), so the PIN never has to appear on a command line.
import type { Readable, Writable } from 'node:stream';
import { staffPinDigits } from '../../common/kiosk-bridge';
import { hashPin } from './pin-hash';

interface TerminalInput extends Readable {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export async function readPin(input: TerminalInput, output: Writable): Promise<string> {
  if (!input.isTTY || !input.setRawMode) return (await readFirstLine(input)).trim();
  const first = await readHidden(input, output, `New staff PIN (${staffPinDigits.min} to ${staffPinDigits.max} digits): `);
  const second = await readHidden(input, output, 'The same PIN again: ');
  if (first !== second) throw new Error('The two PINs differ; nothing was hashed.');
  return first;
}

export function readFirstLine(input: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (): void => {
      input.off('data', onData);
      input.off('end', finish);
      input.off('error', reject);
      input.pause();
      resolve(text.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string): void => {
      text += chunk.toString();
      if (/[\r\n]/.test(text) || text.length > 1024) finish();
    };
    input.on('data', onData);
    input.once('end', finish);
    input.once('error', reject);
    input.resume();
  });
}

function readHidden(input: TerminalInput, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  input.setRawMode?.(true);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') {
          if (typed.length > 0) {
            typed = typed.slice(0, -1);
            output.write('\b \b');
          }
        } else if (typed.length < 64) {
          typed += char;
          output.write('•');
        }
      }
    };
    input.on('data', onData);
    input.resume();
  });
}

/**
 * `hash-pin`, for both the CLI and the app: reads a PIN, prints its hash for staffPinHash.
 * Exit codes: 0 printed, 1 the PIN could not be read, 2 the PIN cannot be used.
 */
export async function runHashPin(io: { input: TerminalInput; output: Writable; error: Writable }): Promise<number> {
  let pin: string;
  try {
    pin = await readPin(io.input, io.error);
  } catch (error) {
    io.error.write(`${(error as Error).message}\n`);
    return 1;
  }
  try {
    io.output.write(`${await hashPin(pin)}\n`);
  } catch (error) {
    io.error.write(`${(error as Error).message}\n`);
    return 2;
  }
  io.error.write('Put this line in the kiosk config as staffPinHash (see docs/deploy.md).\n');
  return 0;
}
