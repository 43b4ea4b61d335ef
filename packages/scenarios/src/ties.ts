/**
 * Who is tied to whom. A person's `linkedTo` lists family, employers or the same network; ties run both ways,
 * so a link written on either person counts.
 */
import type { CompiledScenario } from './compile';

/**
 * Whom an interpreter is tied to among the suspects and the person heard: the interpreter themself when they
 * are a suspect, else the suspects and the person heard that they are linked to. Such an interpreter is no
 * neutral interpreter whatever their register says (Dir. 2010/64/EU art. 5; the brief: "no ties to suspects,
 * victims or the community network").
 */
export function interpreterTies(
  c: CompiledScenario,
  interpreter: string | undefined,
  heard: string,
): string[] {
  if (interpreter === undefined) return [];
  const who = c.people.get(interpreter);
  if (!who) return [];
  if (who.kind === 'suspect') return [interpreter];
  const linked = new Set(who.linkedTo ?? []);
  for (const p of c.people.values()) if (p.linkedTo?.includes(interpreter)) linked.add(p.id);
  return [...linked].filter((id) => id === heard || c.people.get(id)?.kind === 'suspect');
}

/**
 * Whether the interpreter is one of the smuggled people (a passenger of the same transport or route), other
 * than the person heard. Such a person is never a neutral interpreter, whatever their nationality and whatever
 * register the act gives them (brief §1.9: "never a passenger, relative or camp fixer"; Dir. 2010/64/EU art. 5).
 */
export function passengerInterpreter(
  c: CompiledScenario,
  interpreter: string | undefined,
  heard: string,
): boolean {
  if (interpreter === undefined || interpreter === heard) return false;
  return c.people.get(interpreter)?.smuggled === true;
}

/** A hearing as the log records it: what kind of act, its parameters. */
interface Hearing {
  kind: string;
  params: Record<string, unknown>;
}

/**
 * What makes a statement taken at this hearing unusable for who interpreted it: an interpreter tied to the
 * suspects or the person heard, at any interview or deposition; a fellow passenger, at a formal hearing
 * (a triage screening through a passenger is what the brief allows a passenger for: R10). The engine taints
 * the statement by it, live, and the legal model scores the hearing by it: one predicate, so the live case
 * file and the debrief cannot part on it.
 */
export function interpreterTaint(
  c: CompiledScenario,
  hearing: Hearing,
  heard: string,
): 'tied' | 'passenger' | null {
  if (hearing.kind !== 'interview' && hearing.kind !== 'deposition') return null;
  const by = hearing.params.interpretedBy;
  if (typeof by !== 'string') return null;
  if (interpreterTies(c, by, heard).length > 0) return 'tied';
  const formal =
    hearing.kind === 'deposition' || (hearing.params.purpose ?? 'screening') !== 'screening';
  return formal && passengerInterpreter(c, by, heard) ? 'passenger' : null;
}
