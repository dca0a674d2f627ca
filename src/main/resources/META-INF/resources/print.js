// Progressive enhancement: a "Print" button (hidden without JavaScript, where the browser's own
// print command does the same) prints the page.
document.querySelectorAll('button[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});
