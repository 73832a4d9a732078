/** Distinguishable series colours (Tableau 10); "other" is grey. */
export const palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#17becf", "#bcbd22", "#7f7f7f", "#aec7e8"];
export const otherColor = "#a3a3a3";
export const colorAt = (i: number) => palette[i % palette.length];
