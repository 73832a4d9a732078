"use client";
// Partner countries shaded by number of meetings. The geometry ships in the
// world-atlas package and is loaded as its own chunk (no tiles, nothing fetched from
// the internet, and not part of the page's first-load JavaScript).
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ComposableMap, Geographies, Geography } from "react-simple-maps";

export interface MapCountry {
  /** ISO 3166-1 numeric, as world-atlas ids its shapes. */
  numeric: string;
  name: string;
  total: number;
  pending: number;
  href: string;
}

type Topology = Parameters<typeof Geographies>[0]["geography"];

export function WorldMap({ countries, pendingSuffix, loading }: { countries: MapCountry[]; pendingSuffix: string; loading: string }) {
  const router = useRouter();
  const [geography, setGeography] = useState<Topology | null>(null);
  useEffect(() => {
    let live = true;
    import("world-atlas/countries-110m.json").then((m) => live && setGeography((m.default ?? m) as unknown as Topology));
    return () => {
      live = false;
    };
  }, []);
  const byId = new Map(countries.map((c) => [c.numeric, c]));
  const max = Math.max(1, ...countries.map((c) => c.total));
  // A square-root scale keeps the countries met once or twice visible next to the busiest.
  const shade = (n: number) => {
    const t = Math.sqrt(n / max);
    const l = Math.round(90 - t * 55);
    return `hsl(212 70% ${l}%)`;
  };
  if (!geography) return <div className="h-80 animate-pulse rounded bg-slate-100" role="status"><span className="sr-only">{loading}</span></div>;
  return (
    <div className="w-full">
      <ComposableMap projection="geoEqualEarth" projectionConfig={{ scale: 150 }} width={800} height={400} className="h-auto w-full">
        <Geographies geography={geography}>
          {({ geographies }) =>
            geographies.map((geo) => {
              const c = byId.get(String(geo.id));
              const title = c ? `${c.name}: ${c.total}${c.pending ? ` (${c.pending} ${pendingSuffix})` : ""}` : String(geo.properties?.name ?? "");
              return (
                <Geography
                  key={geo.rsmKey}
                  geography={geo}
                  fill={c ? shade(c.total) : "#e5e7eb"}
                  stroke="#ffffff"
                  strokeWidth={0.5}
                  onClick={c ? () => router.push(c.href) : undefined}
                  className={c ? "cursor-pointer outline-none hover:opacity-75" : "outline-none"}
                >
                  <title>{title}</title>
                </Geography>
              );
            })
          }
        </Geographies>
      </ComposableMap>
    </div>
  );
}
