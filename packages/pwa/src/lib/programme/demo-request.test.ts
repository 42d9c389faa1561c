import { describe, expect, it } from 'vitest';
import { demoRequestFrom } from './demo-request';

const from = (query: string) => demoRequestFrom(new URLSearchParams(query));

describe('demoRequestFrom', () => {
  it('reads the sizes of a small demo programme from the link', () => {
    expect(from('demo=1&students=2000&registry=20000')).toEqual({
      students: 2000,
      registry: 20000,
    });
    expect(from('demo=1&schools=10&students=2000&registry=20000')).toEqual({
      schools: 10,
      students: 2000,
      registry: 20000,
    });
  });

  it('asks for nothing (the defaults) when the link has no sizes', () => {
    expect(from('demo=1')).toEqual({});
    expect(from('')).toEqual({});
  });

  it('allows spaces around a number', () => {
    expect(from('students=%202000%20&registry=20000')).toEqual({ students: 2000, registry: 20000 });
  });

  describe('invalid input', () => {
    it.each(['abc', '', '-5', '0', '2.5', '1e3', '2,000', '0x10', '12345678901'])(
      'ignores students=%j and keeps the other sizes',
      (value) => {
        expect(from(`students=${encodeURIComponent(value)}&registry=200000`)).toEqual({
          registry: 200000,
        });
      },
    );

    it('ignores every size when together they would be refused by the generator', () => {
      // A registry under three times the students.
      expect(from('students=2000&registry=5000')).toEqual({});
      // The default registry (150,000) is under three times 100,000 students.
      expect(from('students=100000')).toEqual({});
      // More schools than students.
      expect(from('schools=500&students=100&registry=1000')).toEqual({});
      // Beyond the generator's limits.
      expect(from('students=2000&registry=900000000')).toEqual({});
    });

    it('reads the first of repeated values', () => {
      expect(from('students=2000&students=x&registry=20000')).toEqual({
        students: 2000,
        registry: 20000,
      });
    });
  });
});
