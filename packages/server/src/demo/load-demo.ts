/** Loads the Korean demo data set; filled in by demo/demo-data.ts. */
export async function loadDemo(): Promise<{ skipped: boolean; organizations: number; tickets: number }> {
  return { skipped: true, organizations: 0, tickets: 0 };
}
