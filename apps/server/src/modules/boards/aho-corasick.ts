/**
 * Aho-Corasick multi-pattern matching: one pass over the text finds every listed word, however many words
 * the list holds. Built once per word list; matching is O(text + matches).
 *
 * Text and words are normalised the same way (NFKC, lower case, whitespace and punctuation removed), so
 * "赌 博", "赌·博" and full-width "ＡＢＣ" match 赌博 and abc.
 */
const SKIP = /[\s\p{P}\p{S}]/u;

export const normalise = (s: string): string =>
  [...s.normalize('NFKC').toLowerCase()].filter((c) => !SKIP.test(c)).join('');

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Indexes of the words ending here (including those reached through fail links). */
  out: number[];
}

export class WordMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  readonly words: string[];

  constructor(words: readonly string[]) {
    this.words = [...new Set(words.map(normalise).filter((w) => w.length > 0))];
    this.words.forEach((w, i) => {
      let s = 0;
      for (const c of w) {
        let n = this.nodes[s]!.next.get(c);
        if (n === undefined) {
          n = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[s]!.next.set(c, n);
        }
        s = n;
      }
      this.nodes[s]!.out.push(i);
    });
    // Breadth-first: a node's fail link is the longest proper suffix of its path that is also a path.
    const queue: number[] = [...this.nodes[0]!.next.values()];
    for (let h = 0; h < queue.length; h++) {
      const s = queue[h]!;
      for (const [c, n] of this.nodes[s]!.next) {
        let f = this.nodes[s]!.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const to = this.nodes[f]!.next.get(c);
        this.nodes[n]!.fail = to !== undefined && to !== n ? to : 0;
        this.nodes[n]!.out.push(...this.nodes[this.nodes[n]!.fail]!.out);
        queue.push(n);
      }
    }
  }

  /** The listed words found in the text (each once, in list order). */
  find(text: string): string[] {
    if (this.words.length === 0) return [];
    const hit = new Set<number>();
    let s = 0;
    for (const c of normalise(text)) {
      while (s !== 0 && !this.nodes[s]!.next.has(c)) s = this.nodes[s]!.fail;
      s = this.nodes[s]!.next.get(c) ?? 0;
      for (const i of this.nodes[s]!.out) hit.add(i);
    }
    return [...hit].sort((a, b) => a - b).map((i) => this.words[i]!);
  }
}
