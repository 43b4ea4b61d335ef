/**
 * Size and rate limits every client must respect. The server enforces all of them;
 * clients use them to validate forms before sending.
 */
export const LIMITS = {
  /** Ids of scenario things (decisions, options, requests, injects, agencies, teams). */
  id: 64,
  /** A trainee's display name (trimmed). */
  displayName: 60,
  /** A team's name. */
  teamName: 60,
  /** A session's own title, place and organisation (what the report's cover names). */
  sessionTitle: 160,
  sessionPlace: 120,
  sessionOrganisation: 160,
  /** Facilitators named on the report (free text, not accounts). */
  sessionFacilitators: 10,
  facilitatorName: 80,
  /** Rationale attached to a decision. */
  rationale: 2000,
  /** Reason given when answering a request. */
  reason: 1000,
  /** Why a trainee sends a request (shown to the agency that answers it, and in the debrief). */
  justification: 1000,
  /** One team chat message. */
  chat: 1000,
  /** One facilitator broadcast. */
  broadcast: 1000,
  /** One observer/facilitator note pinned to an event. */
  note: 2000,
  /** Account user names. */
  username: 64,
  /** Account passwords (bcrypt only reads the first 72 bytes; longer is rejected). */
  passwordMin: 10,
  passwordMax: 72,
  /** Bearer tokens (43-character base64url strings in practice). */
  token: 200,
  /** Teams per session. */
  teams: 20,
  /** Scenario minutes a facilitator may advance the clock in one command. */
  clockAdvanceMinutes: 24 * 60,
  /** Events a reconnecting client may receive as a catch-up batch; more → a fresh snapshot. */
  catchUpEvents: 500,
  /** Recent chat messages / broadcasts included in a snapshot. */
  snapshotChat: 200,
} as const;

/**
 * Token-bucket rate limits on socket commands. Each socket has a bucket, and each participant
 * (across all of their sockets) has another; a command needs a token from both.
 * A refused command is acked `{status:'rejected', code:'protocol/rate_limited'}` and has no effect.
 */
export const RATE_LIMITS = {
  /** Every command (ping excluded). */
  commands: { burst: 20, perSecond: 4 },
  /**
   * Snapshot bytes per socket, and per participant or staff account across its sockets (the first
   * snapshot and every `session.sync`): a bucket of `burstBytes` refilled at `bytesPerSecond`. A sync while the bucket is empty is refused with
   * protocol/rate_limited; count alone would let a client pull a large session again and again.
   * The server's CROSSROADS_SNAPSHOT_BYTES_PER_SECOND overrides the rate (the burst is 4 s of it).
   */
  snapshots: { burstBytes: 1024 * 1024, bytesPerSecond: 256 * 1024 },
  /** chat.send additionally. */
  chat: { burst: 5, perSecond: 0.5 },
  /** POST /api/auth/login per client IP address. */
  restLogin: { burst: 20, perMinute: 20 },
  /**
   * GET /api/join/:code and POST /api/join per client IP address: generous, because a whole room of
   * trainees may join at once from behind one NAT address.
   */
  restJoin: { burst: 150, perMinute: 120 },
} as const;
