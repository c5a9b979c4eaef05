/** Organizer pages for a signed-in vendor or staff member: explain instead of failing. */
export function CustomerOnly({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="notice">Bookings are made from a customer account.</p>
    </>
  );
}
