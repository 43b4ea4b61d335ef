import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The key a client address is rate-limited under (logins, joins). An IPv4 address is its own key,
 * and so is the IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:203.0.113.9`, what a
 * dual-stack socket reports for an IPv4 peer). An IPv6 address is keyed by its /64 network: that
 * is what one host, home or classroom is given, and any address inside it is the host's for the
 * asking, so a limit per IPv6 address would let a guesser take a fresh address, and a fresh
 * allowance, for every try. A /64 is then limited as one IPv4 NAT address is (a class behind it
 * shares the allowance, which is sized for that).
 */
export function rateLimitKey(address: string): string {
  const bare = address.replace(/%.*$/, ''); // a link-local zone (fe80::1%eth0) is not the network
  const mapped = MAPPED_IPV4.exec(bare)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (!isIPv6(bare)) return address;
  const [head = '', tail] = bare.split('::');
  const groups = (part: string | undefined) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const front = groups(head);
  const back = groups(tail);
  const full =
    tail === undefined
      ? front
      : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  const network = full.slice(0, 4).map((g) => parseInt(g, 16).toString(16));
  return `${network.join(':')}::/64`;
}
