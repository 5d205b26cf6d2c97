// Fails safe: when the availability module or the snapshot cannot load, the
// page says so and offers nothing for sale (buy buttons start disabled in
// the HTML and only a decision enables them).

/** Says availability cannot be checked, and keeps every buy button disabled. */
export function cannotCheckAvailability(error) {
  for (const button of document.querySelectorAll("#add, #pay")) button.disabled = true;
  const note = document.createElement("p");
  note.className = "availability-error";
  note.setAttribute("role", "alert");
  note.textContent = "Availability can't be checked right now, so nothing can be added to the cart. Please try again later.";
  document.querySelector("main")?.prepend(note);
  console.warn("availability could not be checked:", error);
}
