/** Who is asking. Every DAL function takes one and scopes its query by it. */
export type Actor = { userId: string };
