import { describe, expect, it } from 'vitest';
import { DEVICE_KEY, OPERATOR_KEY, deviceId, newDeviceId, operatorName } from './device';

/** A `Storage` over a map; `refuse` makes every write throw, as a full or blocked storage does. */
function memoryStorage(initial: Record<string, string> = {}, refuse = false): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    key: (i: number) => [...values.keys()][i] ?? null,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (refuse) throw new DOMException('full', 'QuotaExceededError');
      values.set(key, value);
    },
    removeItem: (key: string) => void values.delete(key),
    clear: () => values.clear(),
  };
}

describe('deviceId', () => {
  it('keeps the laptop’s id once made', () => {
    const storage = memoryStorage();
    const first = deviceId(storage, () => 'laptop-a');
    expect(first).toBe('laptop-a');
    expect(storage.getItem(DEVICE_KEY)).toBe('laptop-a');
    expect(deviceId(storage, () => 'laptop-b')).toBe('laptop-a');
  });

  it('reads the id the visit day made', () => {
    expect(deviceId(memoryStorage({ [DEVICE_KEY]: 'laptop-x' }))).toBe('laptop-x');
  });

  it('makes random ids that differ', () => {
    expect(newDeviceId()).toMatch(/^laptop-[0-9a-f-]{36}$/);
    expect(newDeviceId()).not.toBe(newDeviceId());
  });

  describe('invalid input', () => {
    it('makes an id for the page when storage refuses or is missing', () => {
      expect(deviceId(memoryStorage({}, true), () => 'laptop-p')).toBe('laptop-p');
      expect(deviceId(null, () => 'laptop-q')).toBe('laptop-q');
    });

    it('replaces an empty stored id', () => {
      expect(deviceId(memoryStorage({ [DEVICE_KEY]: '' }), () => 'laptop-r')).toBe('laptop-r');
    });
  });
});

describe('operatorName', () => {
  it('is the staff member’s name kept on the laptop, trimmed', () => {
    expect(operatorName(memoryStorage({ [OPERATOR_KEY]: ' Bu Ani ' }))).toBe('Bu Ani');
  });

  it('is empty when none is kept', () => {
    expect(operatorName(memoryStorage())).toBe('');
    expect(operatorName(null)).toBe('');
  });
});
