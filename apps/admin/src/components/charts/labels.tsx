import { Text, usePlotArea } from "recharts";
import { INK } from "./palette";

/** What recharts hands a LabelList's `content`: the bar's box and the labelled value. */
export interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
}

const FONT = 12;
/** A generous width per character at 12 px, so a label that is drawn always fits its segment. */
const CHAR = 7.2;

/** What recharts hands a category axis' custom tick: the middle of the bar's band and its name. */
export interface TickProps {
  y?: number | string;
  payload?: { value?: unknown };
}

/** The bars' thickness in pixels; a name sits 6 px above its bar. */
export const BAR_SIZE = 26;

/**
 * A bar's name above it, from the plot's left edge `left` (the axis itself takes no width): long Swedish
 * names keep the whole width of a phone, one too long for it ends in "…" (the table has it whole), and a
 * row whose bar is empty still has its name. Give it to the axis as an element: `tick={<NameAbove />}`.
 */
export function NameAbove({ y, payload, left }: TickProps & { left: number }) {
  const plot = usePlotArea();
  return (
    <Text
      x={left}
      y={Number(y) - BAR_SIZE / 2 - 6}
      width={plot?.width}
      maxLines={1}
      fontSize={FONT}
      fill={INK}
      textAnchor="start"
    >
      {String(payload?.value ?? "")}
    </Text>
  );
}

/**
 * A segment's value written inside it, centred, in `ink`; left out when the segment is too narrow to hold
 * it (the table and the image's text carry every value).
 */
export function segmentLabel(ink: string, format: (value: number) => string) {
  return function SegmentLabel({ x, y, width, height, value }: LabelProps) {
    const amount = Number(value);
    if (!amount) return null;
    const text = format(amount);
    const w = Number(width);
    if (w < text.length * CHAR + 8) return null;
    return (
      <text
        x={Number(x) + w / 2}
        y={Number(y) + Number(height) / 2}
        fontSize={FONT}
        fontWeight={600}
        fill={ink}
        // On a pale pattern, a white halo keeps the text clear of the hatching or dots beneath it.
        stroke={ink === INK ? "#ffffff" : "none"}
        strokeWidth={3}
        paintOrder="stroke"
        textAnchor="middle"
        dominantBaseline="central"
      >
        {text}
      </text>
    );
  };
}
