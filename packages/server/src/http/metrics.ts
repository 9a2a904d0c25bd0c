import type { FastifyInstance } from 'fastify';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type TSeries = { count: number; sum: number; buckets: number[] };

/** Request counts and latency histograms per route, kept in this process and served as Prometheus text. */
export class HttpMetrics {
  private readonly series = new Map<string, TSeries>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${route}",status="${status}"`;
    let s = this.series.get(key);
    if (!s) {
      s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.series.set(key, s);
    }
    s.count++;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) s.buckets[i]!++;
    });
  }

  render(): string {
    const lines = [
      '# HELP hamkke_http_requests_total HTTP requests answered, by method, route and status.',
      '# TYPE hamkke_http_requests_total counter',
    ];
    for (const [key, s] of this.series) lines.push(`hamkke_http_requests_total{${key}} ${s.count}`);
    lines.push(
      '# HELP hamkke_http_request_duration_seconds Time to answer an HTTP request.',
      '# TYPE hamkke_http_request_duration_seconds histogram',
    );
    for (const [key, s] of this.series) {
      for (const [i, b] of BUCKETS.entries()) {
        lines.push(`hamkke_http_request_duration_seconds_bucket{${key},le="${b}"} ${s.buckets[i]}`);
      }
      lines.push(`hamkke_http_request_duration_seconds_bucket{${key},le="+Inf"} ${s.count}`);
      lines.push(`hamkke_http_request_duration_seconds_sum{${key}} ${s.sum}`);
      lines.push(`hamkke_http_request_duration_seconds_count{${key}} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export function registerMetricsHook(app: FastifyInstance, metrics: HttpMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}
