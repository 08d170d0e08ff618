interface Point { x: number; y?: number }
type Pair<T> = [T, T];
enum Color { Red = 1, Green }
export class Shape implements Drawable {
  private readonly name: string = "shape\n";
  constructor(public size: number) {}
  area(): number { return this.size ** 2; } // squared
}
const p: Point = { x: 0xff };
