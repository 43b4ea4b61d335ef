import { measureRtt } from '../src/lib/ping';
import { FakeSocket } from './fakes';

describe('ping round trip', () => {
  test('measures the time between sending ping and its ack on the given clock', async () => {
    const socket = new FakeSocket();
    const times = [1000, 1042.6];
    const now = () => times.shift() ?? Number.NaN;
    await expect(measureRtt(socket.asSocket(), now)).resolves.toBe(43);
    expect(socket.pings).toEqual([{ event: 'ping', payload: { sentAt: expect.any(Number) } }]);
  });

  test('a rejected ack is an error that names its code', async () => {
    const socket = new FakeSocket();
    socket.pingAck = () => ({
      status: 'rejected',
      code: 'protocol/rate_limited',
      message: 'slow down',
    });
    await expect(measureRtt(socket.asSocket())).rejects.toThrow('protocol/rate_limited');
  });

  test('a timeout is passed through as an error', async () => {
    const socket = new FakeSocket();
    socket.pingAck = () => {
      throw new Error('operation has timed out');
    };
    await expect(measureRtt(socket.asSocket())).rejects.toThrow('timed out');
  });
});
