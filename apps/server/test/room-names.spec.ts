import { roomOf, rooms } from '../src/sessions/socket-io-broadcaster';

describe('socket.io room names of recipient sets', () => {
  it('names every group room as rooms.group does, however often and in whatever order asked', () => {
    const sessions = ['s-1', 's-2'];
    const teams = ['t1', 't2', 'team-3'];
    const roles = ['border_police', 'prosecutor', 'cso_legal_aid'];
    for (let round = 0; round < 2; round += 1) {
      for (const session of round === 0 ? sessions : [...sessions].reverse()) {
        for (const team of teams) {
          for (const role of roles) {
            expect(roomOf(session, { kind: 'group', team, role })).toBe(
              rooms.group(session, team, role),
            );
          }
        }
      }
    }
  });

  it('gives different groups different rooms', () => {
    const names = new Set<string>();
    for (const session of ['a', 'b']) {
      for (const team of ['t1', 't2']) {
        for (const role of ['x', 'y']) names.add(roomOf(session, { kind: 'group', team, role }));
      }
    }
    expect(names.size).toBe(8);
  });

  it('still names rooms right after more sessions than it keeps names for', () => {
    for (let i = 0; i < 1_050; i += 1) roomOf(`many-${i}`, { kind: 'group', team: 't', role: 'r' });
    expect(roomOf('many-3', { kind: 'group', team: 't', role: 'r' })).toBe('s:many-3:g:t:r');
    expect(roomOf('many-1049', { kind: 'group', team: 't2', role: 'r' })).toBe(
      's:many-1049:g:t2:r',
    );
  });

  it('names the other recipient sets as before', () => {
    expect(roomOf('s', { kind: 'all' })).toBe('s:s');
    expect(roomOf('s', { kind: 'staff' })).toBe('s:s:staff');
    expect(roomOf('s', { kind: 'team', team: 't' })).toBe('s:s:t:t');
    expect(roomOf('s', { kind: 'unassigned' })).toBe('s:s:u');
    expect(roomOf('s', { kind: 'participant', participant: 'p' })).toBe('s:s:p:p');
  });
});
