/**
 * commandDigest is stored with every command id and compared with the digest of a repeat, also
 * after a restart or on another process: its value for a given command must never change. The
 * expected digests were computed by the first implementation (Object.entries, sort, map, join and
 * createHash), which the current one replaced for speed.
 */
import { commandDigest } from '../src/sessions/session-host';

describe('commandDigest', () => {
  it('keeps the digests of the first implementation', () => {
    expect(
      commandDigest('decision.submit', {
        commandId: '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b1',
        decision: 'd_open',
        option: 'o_open_now',
        rationale: 'b:12:3',
        confidence: 3,
      }),
    ).toBe('7b4c6b6fc1ffb93071b6ac29633a714d4abbaea35e455a31454b369d1cdea609');
    expect(
      commandDigest('request.answer', {
        commandId: '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b2',
        teams: ['team-b', 'team-a'],
        requestInstance: 'req_x',
        granted: false,
        reason: 'Nein – “später”',
      }),
    ).toBe('32556990564edef427123393e0725ca9abb57c9e368d1461dcd12b5b7daeb503');
    expect(
      commandDigest('session.pause', {
        commandId: '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b3',
        reason: undefined,
      }),
    ).toBe('a70c85c4f25254d397e7e03898ee3aa8777833d9e93de08241b3849507002441');
  });

  it('ignores the command id, key order and undefined fields, not the name or values', () => {
    const base = commandDigest('decision.submit', {
      commandId: 'a',
      decision: 'd',
      option: 'o',
    });
    expect(
      commandDigest('decision.submit', {
        option: 'o',
        rationale: undefined,
        decision: 'd',
        commandId: 'b',
      }),
    ).toBe(base);
    expect(commandDigest('joint.sign', { commandId: 'a', decision: 'd', option: 'o' })).not.toBe(
      base,
    );
    expect(
      commandDigest('decision.submit', { commandId: 'a', decision: 'd', option: 'p' }),
    ).not.toBe(base);
    // A nested commandId is part of the payload.
    expect(
      commandDigest('decision.submit', {
        commandId: 'a',
        decision: 'd',
        option: 'o',
        nested: { commandId: 'x' },
      }),
    ).not.toBe(
      commandDigest('decision.submit', {
        commandId: 'a',
        decision: 'd',
        option: 'o',
        nested: { commandId: 'y' },
      }),
    );
  });
});
