/**
 * A recipient's name as the public sees it: its first code point, then one `*` for each of the
 * rest (张三丰 → 张**, Alice → A****). Code points, not UTF-16 units, so a name that starts with an
 * emoji or a rare character outside the BMP keeps it whole instead of showing half a surrogate pair.
 * Only the adopting charity and admins see names in full (GiveDirectly's GDLive hides surnames and
 * villages the same way: enough to show a person was there, not enough to find them).
 */
export function maskName(name: string): string {
  const points = Array.from(name);
  if (points.length === 0) return '';
  return points[0] + '*'.repeat(points.length - 1);
}
