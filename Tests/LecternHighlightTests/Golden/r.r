# Fit a model
library(stats)
data <- read.csv("data.csv", header = TRUE)
fit <- lm(y ~ x, data = data)
if (summary(fit)$r.squared > 0.5) {
  cat("good fit\n")
} else {
  NULL
}
