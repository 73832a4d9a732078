"use client";
// The filter menus' options (hundreds of partners) from [value, label] pairs: as a client
// component the server sends each option as a short pair rather than as an element tree
// in the RSC payload; the HTML is the same, so the form still works without JavaScript.
export function OptionList({ items }: { items: [value: string | number, label: string][] }) {
  return items.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
