import { RadarChart, type RadarSeries } from '../../../components/charts/radar-chart';

type Props = {
  /** The area's dimensions, named in the reader's language. */
  axes: string[];
  series: RadarSeries[];
  label: string;
};

/** The radar of one area's dimensions: latest, baseline and peer median (0–100). */
export function AreaRadar({ axes, series, label }: Props) {
  return <RadarChart axes={axes} series={series} max={100} label={label} height={280} />;
}
