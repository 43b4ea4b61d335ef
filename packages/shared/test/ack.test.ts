import { ackSchema, commandAckSchema, ErrorCode } from '../src';

const refused = {
  status: 'rejected',
  code: ErrorCode.NotInPhase,
  message: 'Not available in this phase.',
  text: { en: 'Not available in this phase.', 'sr-Latn': 'Nije dostupno u ovoj fazi.' },
};

describe('the rejected ack', () => {
  it.each([
    ['commandAckSchema', commandAckSchema],
    ['ackSchema', ackSchema],
  ] as const)('%s keeps the text in every language a client reads it in', (_, schema) => {
    // zod drops keys a schema does not declare: a text the contract forgot would never arrive.
    expect(schema.parse(refused)).toEqual(refused);
  });

  it('is still valid without a text (English message only), as older servers send it', () => {
    const { text: _text, ...english } = refused;
    expect(commandAckSchema.parse(english)).toEqual(english);
  });

  it('takes a text only with its English, as every other text of the contract', () => {
    const noEnglish = { ...refused, text: { 'sr-Latn': 'Nije dostupno u ovoj fazi.' } };
    expect(commandAckSchema.safeParse(noEnglish).success).toBe(false);
    expect(commandAckSchema.safeParse({ ...refused, text: 42 }).success).toBe(false);
  });
});
