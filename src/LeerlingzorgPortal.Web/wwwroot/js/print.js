// The "Afdrukken" buttons of the print pages: the CSP allows no inline script, so the click is wired here.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () {
    window.print();
  });
});
