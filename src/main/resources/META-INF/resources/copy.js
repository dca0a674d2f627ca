// Progressive enhancement: a "Copy" button (hidden without JavaScript) copies the value of the
// input named in its data-copy attribute. Without JavaScript the input is selectable and read-only.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  var input = document.getElementById(button.dataset.copy);
  if (!input || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(input.value).then(function () {
      button.textContent = 'Copied';
    }, function () {
      input.select();
    });
  });
});
