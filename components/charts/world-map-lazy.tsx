"use client";
// The map code (d3-geo, react-simple-maps) is loaded only when the map is shown,
// keeping it out of the page's first-load JavaScript.
import dynamic from "next/dynamic";
import type { MapCountry } from "./world-map";

const WorldMap = dynamic(() => import("./world-map").then((m) => m.WorldMap), {
  ssr: false,
  loading: () => <div className="h-80 animate-pulse rounded bg-slate-100" />,
});

export function WorldMapLazy(props: { countries: MapCountry[]; pendingSuffix: string; loading: string }) {
  return <WorldMap {...props} />;
}
