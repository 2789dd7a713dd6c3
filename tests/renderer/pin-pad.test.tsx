import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinPad, shortPinMessage } from '../../renderer/src/features/staff-panel/pin-pad';

afterEach(cleanup);

function pad() {
  const onSubmit = vi.fn(async (_pin: string): Promise<string | undefined> => 'That PIN is not right.');
  render(<PinPad onSubmit={onSubmit} onCancel={() => {}} />);
  const tap = (digits: string) => {
    for (const digit of digits) fireEvent.click(screen.getByRole('button', { name: digit }));
  };
  const ok = async () => {
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'OK' })));
  };
  return { onSubmit, tap, ok, dots: () => screen.getByLabelText(/digits? entered$/) };
}

describe('PinPad', () => {
  it('sends a PIN of 6 digits', async () => {
    const { onSubmit, tap, ok } = pad();
    tap('482913');
    await ok();
    expect(onSubmit).toHaveBeenCalledWith('482913');
    expect(screen.getByRole('alert')).toHaveProperty('textContent', 'That PIN is not right.');
  });

  it('takes up to 12 digits, and no more', async () => {
    const { onSubmit, tap, ok, dots } = pad();
    tap('1234567890123');
    expect(dots().getAttribute('aria-label')).toBe('12 digits entered');
    await ok();
    expect(onSubmit).toHaveBeenCalledWith('123456789012');
  });

  it('does not send a PIN shorter than 6 digits, and says why, so it is no wrong attempt', async () => {
    const { onSubmit, tap, ok, dots } = pad();
    tap('12345');
    await ok();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveProperty('textContent', shortPinMessage);
    expect(shortPinMessage).toMatch(/^A staff PIN has at least 6 digits\. If yours is shorter, IT must set a new one/);
    expect(dots().getAttribute('aria-label')).toBe('0 digits entered');
  });
});
