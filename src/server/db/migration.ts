/** One step of the schema: its statements run in one transaction with the others pending, then its id is recorded. */
export interface Migration {
  /** `NNN-what-it-does`, the number one more than the last migration's; kept forever once shipped. */
  id: string;
  statements: string[];
}
