/** A window of months, first and last (YYYY-MM), as two labelled month fields. */
export function MonthRange({
  id,
  from,
  to,
  labels,
  onChange,
}: {
  id: string;
  from: string;
  to: string;
  labels: { from: string; to: string };
  onChange: (range: { from: string; to: string }) => void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-from`}>{labels.from}</label>
        <input
          id={`${id}-from`}
          type="month"
          value={from}
          onChange={(e) => onChange({ from: e.target.value, to })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{labels.to}</label>
        <input
          id={`${id}-to`}
          type="month"
          value={to}
          onChange={(e) => onChange({ from, to: e.target.value })}
        />
      </div>
    </>
  );
}
