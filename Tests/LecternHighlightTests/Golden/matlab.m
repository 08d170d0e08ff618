% Plot a sine wave
function y = wave(x)
  %{
  block comment
  %}
  y = sin(2 * pi * x);
  disp('done');
end
A = [1 2; 3 4]';
